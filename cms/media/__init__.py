"""Platform app: the image library, upload checks and renditions."""
