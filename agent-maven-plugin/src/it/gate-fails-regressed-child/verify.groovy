def log = new File(basedir, 'build.log').text
assert log.contains("regressed underperforms base: resolved ")
assert log.contains("over 40 tasks \u00d7 3 trials; rule failOn=regression")
return true
