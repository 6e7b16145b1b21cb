"""Turning article text into dated mentions: sentence splitting, date-mention extraction, evaluation."""
