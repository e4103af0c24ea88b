"""Renderers: one module per output format (`text.render_text`, `rich_format.render_rich`).

Nothing is imported here, so that choosing one format loads only its renderer.
"""
