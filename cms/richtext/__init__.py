"""Platform app: editor profiles, the sanitizer, paste cleaning and body rendering. No models."""
