import groovy.json.JsonSlurper

// the gate ran the missing benches of the child and of its parent, with agent:bench's parameters
// (-Dagent.trials and -Dagent.runId from the command line, the suite and scripts from the pom's properties)
def json = new JsonSlurper()
['child', 'base'].each { variant ->
    def run = new File(basedir, "${variant}/results/it-gate")
    def info = json.parse(new File(run, 'run.json'))
    assert info.variant == variant && info.status == 'finished'
    assert info.trials == 2 : "${variant}: -Dagent.trials reached the bench"
    assert info.suite_manifest.endsWith('/suite.yaml') : 'the suite of the pom, not the default offline-core.yaml'
    assert new File(run, 'trials.jsonl').readLines().findAll { it.trim() }.size() == 2
}
assert json.parse(new File(basedir, 'child/results/it-gate/run.json')).config.memory == 'window:5'
def log = new File(basedir, 'build.log').text
assert log.contains('child has no results yet: running its bench first')
assert log.contains('base has no results yet: running its bench first')
assert log.contains('agent:gate passed (regression): child is not distinguishable from base')
return true
