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
// paths in run.json are relative to the root of the repository the results are in (the nearest folder up with a .git)
def root = basedir.absoluteFile
while (root != null && !new File(root, '.git').exists()) {
    root = root.parentFile
}
def scripts = info.model.substring('scripted:'.length())
def named = new File(scripts).absolute ? new File(scripts) : new File(root, scripts)
assert root == null || !new File(scripts).absolute : "the model is ${info.model}, absolute inside the repository ${root}"
assert named.canonicalPath == new File(basedir, 'scripts').canonicalPath :
        "the model is ${info.model}, not the scripts named by -Dagent.offlineScripts"
def trials = new File(run, 'trials.jsonl').readLines().findAll { it.trim() }.collect { json.parseText(it) }
assert trials*.task == ['tb/make-note'] : "trials of ${trials*.task}"
assert trials.every { it.resolved }
return true
