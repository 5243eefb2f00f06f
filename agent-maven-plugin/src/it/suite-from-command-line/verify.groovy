import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// run again by the distribution's Maven (agent-maven-plugin/pom.xml): the log says which Maven ran
if (binding.variables.containsKey('mavenHomeUnderTest')) {
    assert log.contains('Maven home: ' + new File(mavenHomeUnderTest).canonicalPath) : "not run by the Maven in $mavenHomeUnderTest"
}
def run = new File(basedir, 'base/results/it-run')
def json = new JsonSlurper()
def info = json.parse(new File(run, 'run.json'))
assert info.suite == 'one-task' : "the suite run is ${info.suite}, not the one named by -Dagent.suite"
assert info.suite_manifest.endsWith('one-task.yaml')
assert info.model.startsWith('scripted:')
assert new File(info.model.substring('scripted:'.length())).canonicalPath == new File(basedir, 'scripts').canonicalPath :
        "the model is ${info.model}, not the scripts named by -Dagent.offlineScripts"
def trials = new File(run, 'trials.jsonl').readLines().findAll { it.trim() }.collect { json.parseText(it) }
assert trials*.task == ['tb/make-note'] : "trials of ${trials*.task}"
assert trials.every { it.resolved }
return true
