def log = new File(basedir, 'build.log').text
assert log.contains("no results for base in")
assert log.contains("run ./mvnw agent:bench -Pbase first")
return true
