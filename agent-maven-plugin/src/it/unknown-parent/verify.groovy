def log = new File(basedir, 'build.log').text
assert log.contains("variant 'orphan' names parent 'nope', which is not declared")
return true
