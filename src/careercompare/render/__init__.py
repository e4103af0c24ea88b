"""Renderers: one module per output format, listed in `render.formats`.

Nothing is imported here, so that choosing one format loads only its renderer.
"""
