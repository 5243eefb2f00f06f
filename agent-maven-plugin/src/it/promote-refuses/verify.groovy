def log = new File(basedir, 'build.log').text
assert log.contains("no promotion: the best child, steady, does not beat base")
assert log.contains("base stays")
return true
