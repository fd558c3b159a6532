"""The drafter: a new plan document in, a draft package of proposed rows out, for a maintainer to review.

One module per job: ``received`` reads the document in the form it was received (a web page, a Word file, a PDF
or plain text, each read by its module of ``formats``) as text, one paragraph or heading per line; ``head``
proposes the plan row from the document's head, ``structure`` the chapters and numbered measures from its outline,
``agencies`` the responsible agencies from the 责任单位 brackets, ``targets`` the targets from its sentences
(``indicators`` picks their most likely indicator); ``package`` writes the draft and checks it with the same
provenance checks as the published tables (validate.py); ``accept`` moves the accepted rows into the published
tables; ``evaluate`` compares the drafts of the curated documents with their curated rows.
"""
