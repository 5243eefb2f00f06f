def log = new File(basedir, 'build.log').text
assert log.contains('suite published-pair (') && log.contains('2 core + 1 expansion tasks from 2 source(s)')
assert log.contains('source tb2: git https://git.example.invalid/terminal-bench-2.git at 69671fbaac6d: 2 task folders (0 fetched)')
assert log.contains('source verified: dataset princeton-nlp/SWE-bench_Verified at c104f840cc67, file data/test-00000-of-00001.parquet (2.1 MB, sha256 pinned)')
assert log.contains('250.0 MB to download as recorded for 1, ~100.0 MB estimated for 1') : 'sizes say how sure they are'
assert log =~ /core +tb2:fix-git +to fetch +250\.0 MB +alexgshaw\/fix-git:20251031/
assert log =~ /core +verified:django__django-11790 +to fetch +~100\.0 MB +swebench\/sweb\.eval\.x86_64\.django_1776_django-11790:latest/
assert log =~ /expansion +tb2:regex-log +to fetch +- +\(built from its Dockerfile\)/
assert !new File(basedir, 'cache').exists() : 'a dry run writes nothing'
return true
