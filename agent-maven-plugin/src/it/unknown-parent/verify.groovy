def log = new File(basedir, 'build.log').text
// the profile, the setting (its parent) and what is declared instead; no stack trace
def pom = new File(basedir, 'pom.xml')
assert log.contains("profile orphan of ${pom}: variant 'orphan' names parent 'nope', which is not declared; declared variants: orphan")
assert !log.contains('IllegalArgumentException') && !log.contains('\tat ')
return true
