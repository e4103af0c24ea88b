"""Local wages: the BLS OEWS estimates for every occupation in every area, from SQLite."""
