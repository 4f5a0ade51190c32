"""Settings per environment: `dev` (default), `test` and `production`."""
