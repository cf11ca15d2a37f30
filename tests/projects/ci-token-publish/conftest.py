# This folder is a fixture project read by sciship's tests; its own tests are not run.
collect_ignore_glob = ["*"]
