"""Keeping the plan alive: when each action was last updated, what is overdue, who was reminded."""
