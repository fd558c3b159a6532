"""Every task of the project is a nox session: `nox -s build`, `nox -s tests`, `nox -s lint`, `nox -s serve`."""

import nox

nox.options.sessions = ["lint", "tests"]
nox.options.reuse_existing_virtualenvs = True

PYPROJECT = nox.project.load_toml("pyproject.toml")


def install(session: nox.Session, group: str) -> None:
    session.install(*nox.project.dependency_groups(PYPROJECT, group))


@nox.session
def build(session: nox.Session) -> None:
    """Validate the data package, generate the pages and downloads, and build site/ (mkdocs --strict)."""
    install(session, "build")
    session.run("python", "-m", "generator", "build")


@nox.session
def validate(session: nox.Session) -> None:
    """Only check the data package and print every problem as file:row:field."""
    install(session, "build")
    session.run("python", "-m", "generator", "validate")


@nox.session
def tests(session: nox.Session) -> None:
    """Run the test suite (pytest); extra arguments go to pytest."""
    install(session, "test")
    session.run("python", "-m", "pytest", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """Check style and common mistakes with ruff."""
    install(session, "lint")
    session.run("ruff", "check", "generator", "tests", "noxfile.py")
    session.run("ruff", "format", "--check", "generator", "tests", "noxfile.py")


@nox.session
def serve(session: nox.Session) -> None:
    """Build, then preview the site at http://127.0.0.1:8000 with live reload of hand-written pages."""
    install(session, "build")
    session.run("python", "-m", "generator", "build")
    session.run("python", "-m", "mkdocs", "serve", "--dev-addr", "127.0.0.1:8000")
