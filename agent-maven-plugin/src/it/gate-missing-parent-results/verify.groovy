def log = new File(basedir, 'build.log').text
def results = new File(basedir, 'base/results')
assert log.contains("no results for base in ${results}; bench it first: agentx bench --variant base --results ${results}"
        + " (./mvnw agent:bench -Pbase); or let the gate do it: -Dagent.benchIfMissing=true")
return true
