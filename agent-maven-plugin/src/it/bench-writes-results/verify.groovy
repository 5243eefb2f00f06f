import groovy.json.JsonSlurper

def run = new File(basedir, 'child/results/it-run')
['run.json', 'trials.jsonl', 'summary.json', 'junit.xml'].each { assert new File(run, it).isFile() : "missing $it" }
def json = new JsonSlurper()
def info = json.parse(new File(run, 'run.json'))
assert info.variant == 'child' && info.parent == 'base'
assert info.config.memory == 'window:5' : 'the child changes memory'
assert info.config['max-steps'] == '10' : 'the child inherits max-steps from its parent'
assert info.status == 'finished'
def trials = new File(run, 'trials.jsonl').readLines().findAll { it.trim() }.collect { json.parseText(it) }
assert trials.size() == 4
assert trials.every { it.resolved && it.failure_label == 'none' && it.trajectory }
// the scripts change files and never run a test runner: the tags say so
assert trials.every { it.tags.contains('never_ran_tests') }
trials.each { assert new File(run, it.trajectory).isFile() }
def summary = json.parse(new File(run, 'summary.json'))
assert summary.resolved == 4 && summary.pass_rate == 1.0
assert summary.pass_at_k['2'] == 1.0
def junit = new File(run, 'junit.xml').text
assert junit.contains('tests="4" failures="0" errors="0"')
assert new File(basedir, 'child/results/LATEST').text.trim() == 'it-run'
def log = new File(basedir, 'build.log').text
assert log.contains('resolved         4/4')
assert log.contains('agent:bench child (child of base), changes {memory=window:5}')
return true
