-- Run by the MySQL image when it first creates its data volume: lets the app's user create and
-- drop the throwaway databases (test_…) the project's tests make, one per test file.
GRANT ALL PRIVILEGES ON `test\_%`.* TO 'app'@'%';
