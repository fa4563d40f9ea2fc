"""Staff screens. Each module groups one area; urls.py names every view."""
