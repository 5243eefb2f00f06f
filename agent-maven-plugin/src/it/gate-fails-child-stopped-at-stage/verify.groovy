def log = new File(basedir, 'build.log').text
assert log.contains("child underperforms base: it stopped at stage screen (0 of 2 trials passed, 0%, below the stage's threshold 50%),"
        + " which base cleared (2 of 2, 100%); on the tasks both ran: child is not distinguishable from base")
return true
