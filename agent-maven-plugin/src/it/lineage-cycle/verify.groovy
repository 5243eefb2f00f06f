def log = new File(basedir, 'build.log').text
// the profile where the cycle closes and its <parent>; no stack trace
def pom = new File(basedir, 'pom.xml')
assert log.contains("profile a of ${pom}: <parent>b</parent>: variant 'a' has a cycle in its ancestry: a -> b -> a")
assert !log.contains('IllegalArgumentException') && !log.contains('\tat ')
return true
