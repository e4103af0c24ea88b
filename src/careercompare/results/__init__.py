"""What a view returns (typed results, layout blocks) and how it becomes JSON.

Views and renderers both import it; it imports neither."""
