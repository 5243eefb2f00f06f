def log = new File(basedir, 'build.log').text
// the runtime (in the bench's JVM) names its option; the goal adds the property that gave it
assert log.contains("--tasks 'tb/[abc' (-Dagent.tasks=tb/[abc) (filtering suite ${new File(basedir, 'suite.yaml')}): not a valid glob")
assert !log.contains('\tat ')
return true
