"""Every occupation from the official tables: BLS Employment Projections and O*NET, in SQLite."""
