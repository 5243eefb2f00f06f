def log = new File(basedir, 'build.log').text
assert log.contains("suite.yaml does not exist: set -Dagent.suite=<manifest>, or <agent.suite> in the <properties> of ${new File(basedir, 'pom.xml')}")
return true
