def log = new File(basedir, 'build.log').text
assert log.contains("promoted improved: improved beats base")
def promotions = new File(basedir, 'promotions.jsonl')
assert promotions.isFile()
def entry = new groovy.json.JsonSlurper().parseText(promotions.readLines().last())
assert entry.promoted == 'improved' && entry.generation == 'base'
assert entry.candidates.find { it.child == 'improved' }.holm_adjusted_p <= 0.05
return true
