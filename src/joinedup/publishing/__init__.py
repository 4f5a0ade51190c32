"""Publishing the one integrated action plan: immutable snapshots, public pages, exports, consultation."""
