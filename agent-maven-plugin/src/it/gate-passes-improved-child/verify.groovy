def log = new File(basedir, 'build.log').text
assert log.contains("agent:gate passed (regression): improved outperforms base")
return true
