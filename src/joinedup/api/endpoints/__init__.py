"""One router per resource; `joinedup.api.routes` mounts them."""
