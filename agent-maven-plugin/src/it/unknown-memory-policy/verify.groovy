def log = new File(basedir, 'build.log').text
// run again by the distribution's Maven (agent-maven-plugin/pom.xml): the log says which Maven ran
if (binding.variables.containsKey('mavenHomeUnderTest')) {
    assert log.contains('Maven home: ' + new File(mavenHomeUnderTest).canonicalPath) : "not run by the Maven in $mavenHomeUnderTest"
}
// the profile and the element as written, then what is expected; no stack trace
def pom = new File(basedir, 'pom.xml')
assert log.contains("profile forgetful of ${pom}: <memory>forgetful</memory>: expected full, window:<observations>, token-budget:<tokens> or summarize:<tokens>")
assert !log.contains('IllegalArgumentException') && !log.contains('\tat ')
return true
