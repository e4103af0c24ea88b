"""Views: each turns catalog roles into a View of blocks, JSON data and CSV records."""
