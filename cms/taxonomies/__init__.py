"""Platform app: the vocabulary work is filed under (centers, topics, regions, programmes, projects,
collections, newsletters) and the desk scope that needs only `Center.staff`."""
