def log = new File(basedir, 'build.log').text
// a broken results file is an error naming the file and the line, not "(no results)"
def trials = new File(basedir, 'base/results/r1/trials.jsonl')
assert log.contains("${trials}:3: not a trial result")
assert log.contains('BUILD FAILURE') && !log.contains('(no results)')
assert !log.contains('\tat ')
return true
