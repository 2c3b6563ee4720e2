# (component not written yet)
