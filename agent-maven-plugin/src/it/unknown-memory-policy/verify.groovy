def log = new File(basedir, 'build.log').text
assert log.contains("setting memory='forgetful': memory 'forgetful': expected full, window:<observations>, token-budget:<tokens> or summarize:<tokens>")
return true
