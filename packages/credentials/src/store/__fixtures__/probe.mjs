import Database from "libsql";
import { MasterKey } from "../master-key.ts";
import { SqliteKeyStore } from "../sqlite-key-store.ts";

const path = "/tmp/probe4/keys.db";
const mk = MasterKey.generate();
const a = new SqliteKeyStore({ path, masterKey: mk });
console.log("opened");
const b = new SqliteKeyStore({ path, masterKey: mk });
console.log("opened2");
const database = new Database(path);
console.log(database.pragma("journal_mode"));
database.close();
console.log("end");
a.close();
b.close();
