def log = new File(basedir, 'build.log').text
// run again by the distribution's Maven (agent-maven-plugin/pom.xml): the log says which Maven ran
if (binding.variables.containsKey('mavenHomeUnderTest')) {
    assert log.contains('Maven home: ' + new File(mavenHomeUnderTest).canonicalPath) : "not run by the Maven in $mavenHomeUnderTest"
}
// the profile (with the line and column of the element where Maven recorded them) and the element as written, then what
// is expected; no stack trace
def pom = new File(basedir, 'pom.xml')
def expected = java.util.regex.Pattern.quote("profile forgetful of ${pom}") + '(:31:\\d+)?' + java.util.regex.Pattern.quote(
        ": <memory>forgetful</memory>: expected full, window:<observations>, token-budget:<tokens> or summarize:<tokens>")
assert log =~ expected : "no line like $expected"
assert !log.contains('IllegalArgumentException') && !log.contains('\tat ')
return true
