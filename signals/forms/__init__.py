"""Forms of the signals app, one module per topic: intake (the report forms), triage (the queue
and the actions on a signal's page) and referrals."""
