"""Pure rules and use cases. Standard library only; every function that needs the time takes `now`."""
