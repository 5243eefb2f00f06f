def log = new File(basedir, 'build.log').text
assert log.contains('notes is documentation only')
assert !new File(basedir, 'notes/results').exists()
return true
