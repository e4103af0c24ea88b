"""Views: each builds a typed result from the catalog (`build_*`) that presents itself as blocks."""
