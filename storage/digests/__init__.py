"""Weekly digests for mentors and admins, assembled from each feature's sections."""
