def log = new File(basedir, 'build.log').text
assert log.contains('suite.yaml does not exist: set <suite> in the plugin configuration or -Dagent.suite=<manifest>')
return true
