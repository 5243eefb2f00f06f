def log = new File(basedir, 'build.log').text
assert log.contains("has a cycle in its ancestry")
return true
