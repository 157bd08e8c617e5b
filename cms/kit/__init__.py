"""Small helpers every app may use, below all of them: unique slugs, pagination, admin mixins. No models."""
