// The goals' output, in the order invoker.properties runs them.
def log = new File(basedir, 'build.log').text
def migration = new File(basedir, 'src/main/resources/db/migrations/payroll/0001_initial.yaml')

assert migration.isFile() : 'makemigrations did not write ' + migration
assert migration.text.contains('CreateModel')
assert log.contains("Migrations for 'payroll':\n  src/main/resources/db/migrations/payroll/0001_initial.yaml\n    + Create model Employee")
assert log.contains('No changes detected')
assert log.contains('Planned operations:\npayroll.0001_initial\n    Create model Employee')
assert log.contains('  Applying payroll.0001_initial... OK')
assert log.contains('payroll\n [X] 0001_initial')
assert log.contains('No differences between the applied migrations and the database.')
assert log.contains('-- Create model Employee')
assert log.contains('CREATE TABLE')
assert log.contains('  Unapplying payroll.0001_initial... OK')
assert log.contains("No installed app with label 'nosuchapp'.")
assert log.contains('migrations:migrate failed (exit code 1); see the output above')
// the relative H2 path was resolved against the module's folder, not the invoker's working directory
assert new File(basedir, 'target/data/payroll.mv.db').isFile()
return true
