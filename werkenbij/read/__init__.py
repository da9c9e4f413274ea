"""Reading: site_config.yaml and content/ into frozen models, with every mistake at once
(file, line, message, fix). Imports no later stage."""
